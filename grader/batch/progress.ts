/**
 * Internal. Progress for a grading run: a bar with done/total, rate and ETA on
 * a terminal (cli-progress), one plain line per submission otherwise.
 */
import cliProgress from "cli-progress";
import { terminalText } from "../sanitize.ts";

export interface Progress {
  done(id: string, line: string): void;
  stop(): void;
}

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let count = 0;
  if (!stream.isTTY) {
    return {
      done(_id, line) {
        count++;
        stream.write(`[${count}/${total}] ${terminalText(line)}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "grading |{bar}| {value}/{total} submissions · {rate}/s · ETA {eta_formatted} · {last}",
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: "0.0", last: "" });
  return {
    done(id) {
      count++;
      const rate = (count / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      bar.update(count, { rate, last: terminalText(id, 60) });
    },
    stop() {
      bar.stop();
    },
  };
}
