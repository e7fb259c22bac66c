/** The student release's README.md: set up, check, watch, hints, submitting, and what CI can and cannot prove. */
import type { Manifest } from "../manifest.ts";
import type { HiddenCount } from "../check/sealed.ts";

/** How bonus exercises count, as the grader counts them (the manifest's bonus_points). */
function bonusLine(manifest: Manifest): string {
  const sum = (bonus: boolean) => manifest.exercises.filter((e) => e.bonus === bonus).reduce((s, e) => s + e.points, 0);
  if (sum(true) === 0) return "";
  return manifest.bonus_points === "extra_credit"
    ? `\nBonus exercises are extra credit: your score is out of the ${sum(false)} required points, and up to ${sum(true)} bonus points add on top.\n`
    : `\nBonus exercises count in the maximum: your score is out of all ${sum(false) + sum(true)} points.\n`;
}
/** The playground's picture, shown by both READMEs; the release copies it. */
export const PLAYGROUND_SCREENSHOT = "docs/playground.png";

export function studentReadme(manifest: Manifest, hidden: Record<string, HiddenCount>): string {
  const rows = manifest.exercises.map((e) => {
    const h = hidden[e.id];
    return `| ${e.id.slice(0, 2)} | [${e.title}](exercises/${e.id}/README.md)${e.bonus ? " (bonus)" : ""} | ${e.points} | ${h?.cases ?? 0} (${h?.points ?? 0} pts) |`;
  });
  return `# Backpropagation exercises

\`\`\`sh
npm ci              # set up (Node 20.12 or later; 22 or 24 recommended)
npm run check       # score your exercises on the public cases
\`\`\`

You implement backpropagation step by step, in TypeScript, following the lecture: linear algebra, the perceptron,
activations, forward propagation, the δ recursion, weight gradients, gradient descent, gradient checking and a tiny
reverse-mode autodiff. Start with [exercises/README.md](exercises/README.md): the order, the notation and the layer
index convention. Each exercise folder has a guide and a stub whose doc comments give every shape.

## Checking your work

\`\`\`sh
npm run check                 # every exercise, on the public cases
npm run check -- 05           # one exercise, with all its failing cases (also: delta, delta.ts)
npm run check -- --watch      # re-check an exercise each time you save it
npm run -s check -- --json    # the same result as one JSON object
npm test                      # the same as npm run check
\`\`\`

A failing case says what was tested, the input in brief, and expected against received. When a wrong answer matches a
typical mistake, the check names it and says what the lecture has instead. The check also runs TypeScript on your
files and shows its type errors with their file and line, as warnings: they never change your score, but they often
point at the bug.

**Watch mode** keys: \`h\` the next hint, \`l\` the list of exercises, \`a\` check all, \`n\` the next exercise, \`q\`
quit. **Hints** come one at a time: \`npm run check\` shows the first hint of the exercise you are on; in watch mode \`h\`
shows the next, and says when there are no more. The hints shown are those about what is failing. Each guide lists its
rules, and every rule has a public case: pass them all and the hidden cases test nothing you were not told.

| #   | exercise | points | hidden cases |
| --- | -------- | ------ | ------------ |
${rows.join("\n")}
${bonusLine(manifest)}

## The playground: watch your own network learn

\`\`\`sh
npm run playground            # prints http://127.0.0.1:5370/; open it in your browser
\`\`\`

![The playground training a spiral with a green gradient check](${PLAYGROUND_SCREENSHOT})

A page on your own machine that runs **your** \`forward\` (04), \`deltas\` (05), \`gradients\` and \`loss\` (06), and
\`sgdStep\` and \`train\` (07). Pick a dataset and a network, press play, and watch the decision boundary, the loss curve
and the weights change. Save a file and the page picks up your change. Click a point to open up its step: $\\mathbf{f}^{[l]}$,
$\\mathbf{a}^{[l]}$, $\\boldsymbol{\\delta}^{[l]}$ and $d\\mathbf{W}^{[l]} = \\mathbf{a}^{[l-1]}(\\boldsymbol{\\delta}^{[l]})^{\\mathsf{T}}$ with numbers
and shapes. When your code throws, returns the wrong shape or produces NaN, a banner names the function and training
stops. The setup lives in the URL: send it to your TA.

**The gradient check** compares the gradient your backprop computes (your \`gradients\`) with the one measured straight
from the definition of the derivative: nudge each weight by $h = 10^{-5}$ each way and watch _your own_ \`forward\` and
\`loss\` change, $(\\varepsilon(w + h) - \\varepsilon(w - h)) / 2h$, as in exercise 08. Both come from your code, so it
needs no answer key. Per layer it shows the relative error of your $d\\mathbf{W}^{[l]}$ and $d\\mathbf{b}^{[l]}$ against the
numerical ones in exercise 08's bands, measured by your own \`numericalGradient\` and \`relativeError\` once exercise 08
works (until then the page uses its own, and says so), and checks your \`lossGradient\` first: green below
$10^{-7}$ (below $10^{-4}$ with ReLU, whose kinks blur the estimate), amber ("uneasy") up to $10^{-2}$, red above.

Red means your backprop and your forward pass disagree. Backprop runs from the output back, and a wrong
$\\boldsymbol{\\delta}^{[l]}$ spoils every layer before it, so the first red layer counting from the output is where to
look: the page names it. Green does not prove \`forward\` right, since the check measures your backprop against your own
forward pass; \`npm run check\` tests both.

## Hidden cases

Besides the public cases you can run, each exercise has hidden cases: other shapes, edge values, deeper networks. They
are in \`fixtures/hidden.sealed.json\`, encrypted; only the grader with the course's key can read them. Without the key,
\`npm run check\` lists them as "graded by your instructor": they are not failures. Pass the public cases by
implementing what the guide asks for, not the particular numbers, and the hidden ones follow.

## Submitting

Commit your work under \`exercises/\` and push it to your repository (or hand in a zip of it, if your course asks for
that). Only the files under \`exercises/\` are graded. Everything else (the grader, the cases, this README, the
workflow) comes from your instructor's own copy when your work is graded, so changing it changes nothing in your grade.

## Continuous integration in your repository

Each push runs \`.github/workflows/check.yml\`: \`npm run check -- --ci\`. It shows your score in the run's summary (a
table per exercise), marks failing functions in your files, and keeps \`check-results/\` (\`results.json\`,
\`classroom.json\`, \`summary.md\`) as an artifact. If your course set up the \`GRADER_KEY\` secret for your repository,
it also runs the hidden cases. The run succeeds whatever your score.

What it can and cannot prove:

- **It can** show you and your instructor what the grader says about the commit you pushed, on the same cases, in a
  clean machine: nothing on your laptop affects it.
- **It cannot** prove your grade. The workflow and the grader live in your repository, and you can edit them: a
  green run or a full score there is evidence for you, not for the course. Your grade comes from your instructor
  running the grader from the course's own repository on the files under your \`exercises/\`.
- Your code runs in a sandbox with an empty environment, so it never sees \`GRADER_KEY\`. But anyone who can edit the
  workflow of a repository holding that secret can make it print the secret; that is why the authoritative grading
  never relies on it.

## What is here

- \`exercises/\`: your stubs and the guides, \`manifest.json\` (ids, titles, points, hints) and \`types.ts\`.
- \`fixtures/NN-topic/public.json\`: the public cases (inputs, expected outputs, tolerances, points).
- \`fixtures/hidden.sealed.json\`: the hidden cases, encrypted; \`fixtures/misconceptions.json\`: what typical mistakes
  return on the public cases, so the check can name them.
- \`grader/\`: the part of the grader that \`npm run check\` and \`npm run playground\` use. Your code runs in its own process that can read only
  its own compiled code, with no writes, child processes or workers, and a time limit per call.
`;
}
