/** The gradient check's verdict, one row per layer, and the banner for the student's errors. */
import type { CheckResult } from "./gradcheck.ts";
import type { Fault } from "./student.ts";

const WORDS = { agree: "agrees", uneasy: "uneasy", wrong: "wrong" } as const;

export function renderCheck(target: HTMLElement, result: CheckResult | undefined, note = ""): void {
  target.replaceChildren();
  if (!result) {
    target.dataset.verdict = "none";
    target.append(Object.assign(document.createElement("p"), { className: "note", textContent: note }));
    return;
  }
  // dε/dŷ comes first: every δ starts from it, so a wrong one is the mistake, and layer L only its first victim.
  const lossWrong = result.lossGradient?.band === "wrong";
  const wrong = result.firstWrong;
  const uneasy = result.layers.some((l) => l.band === "uneasy") || result.lossGradient?.band === "uneasy";
  target.dataset.verdict = lossWrong || wrong ? "red" : uneasy ? "amber" : "green";
  target.dataset.firstWrong = lossWrong ? "loss" : wrong ? String(wrong) : "";
  const summary = document.createElement("p");
  summary.className = `summary ${lossWrong || wrong ? "wrong" : uneasy ? "uneasy" : "agree"}`;
  summary.textContent = lossWrong
    ? "Your lossGradient (06) disagrees with central differences of your loss: dε/dŷ is wrong (or loss is), and every δ starts from it. Look at lossGradient first: for ε = ½‖ŷ − y‖², dε/dŷ = ŷ − y."
    : wrong
      ? `Layer ${wrong} is the first layer, going back from the output, whose gradient disagrees with central differences of your forward and loss: look at δ^[${wrong}] and dW^[${wrong}].`
      : uneasy
        ? "Close, but not close enough for smooth activations: look at the layers marked uneasy."
        : "Your backprop agrees with central differences of your own forward and loss in every layer.";
  const list = document.createElement("ol");
  list.className = "verdicts";
  for (let i = result.layers.length - 1; i >= 0; i--) {
    const v = result.layers[i];
    const li = document.createElement("li");
    li.className = v.band;
    li.dataset.layer = String(v.layer);
    li.dataset.band = v.band;
    li.textContent = `layer ${v.layer}: relative error ${v.relErr.toExponential(1)}, ${WORDS[v.band]}`;
    list.append(li);
  }
  if (result.lossGradient) {
    const li = document.createElement("li");
    li.className = result.lossGradient.band;
    li.dataset.layer = "loss";
    li.dataset.band = result.lossGradient.band;
    li.textContent = `dε/dŷ (lossGradient): relative error ${result.lossGradient.relErr.toExponential(1)}, ${WORDS[result.lossGradient.band]}`;
    list.prepend(li);
  }
  const bands = document.createElement("p");
  bands.className = "note";
  bands.textContent = `Yours against numerical over dW^[l] and db^[l], worst of ${result.instances} instances. Bands (exercise 08): above 1e-2 wrong; 1e-4 to 1e-2 uneasy; below 1e-4 fine with ReLU's kinks; below 1e-7 fine for smooth activations.`;
  const uses = document.createElement("p");
  uses.className = "note uses";
  uses.textContent = result.notes.join(" ");
  target.append(summary, list, bands, uses);
}

export function showFault(banner: HTMLElement, fault: Fault | undefined, implLabel: string): void {
  banner.hidden = !fault;
  banner.replaceChildren();
  if (!fault) return;
  banner.dataset.fn = fault.fn;
  banner.dataset.kind = fault.kind;
  const title = document.createElement("strong");
  const what: Record<Fault["kind"], string> = {
    compile: "Your code does not compile",
    missing: `${fault.fn} is missing`,
    "not-implemented": `${fault.fn} is not implemented yet`,
    threw: `${fault.fn} threw an error`,
    shape: `${fault.fn} returned the wrong shape`,
    nan: `${fault.fn} produced NaN or ∞`,
  };
  title.textContent = `${what[fault.kind]} (${implLabel}/${fault.file})`;
  const message = document.createElement("code");
  message.textContent = fault.message;
  const after = document.createElement("p");
  after.textContent = "Training stopped. Fix it and save the file: the page picks up your change by itself.";
  if (fault.kind === "not-implemented") {
    after.textContent +=
      " The playground runs forward (04), deltas (05), gradients and loss (06), and sgdStep and train (07); the plane needs only forward.";
  }
  banner.append(title, message, after);
}
