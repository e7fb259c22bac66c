/**
 * The playground's local web server: the page, its bundle, the student's code
 * as an ES module, and a server-sent event each time that code is rebuilt.
 * It listens on 127.0.0.1 only and answers only requests addressed to it by
 * that name, so another site open in the browser cannot read it.
 */
import { watch, type FSWatcher } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildClient, buildStudent, type StudentBundle } from "./bundle.ts";
import { pageHtml } from "./page.ts";

export interface PlaygroundOptions {
  /** The folder of exercise folders whose code the page runs. */
  impl: string;
  /** Shown on the page, e.g. "exercises". */
  label: string;
  /** 0 picks a free port. */
  port: number;
}

export interface Playground {
  url: string;
  close(): Promise<void>;
}

/** How long to wait for a burst of saves (editors write twice) before rebuilding. */
const SETTLE_MS = 60;

/** The module the page loads for a build: the student's code, or what kept it from compiling. */
const moduleOf = (student: StudentBundle): string =>
  student.ok ? student.js : `export const compileProblems = ${JSON.stringify(student.problems)};\n`;

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const client = await buildClient();
  let student: StudentBundle = await buildStudent(options.impl);
  let version = 1;
  const listeners = new Set<http.ServerResponse>();

  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  const rebuild = () => {
    building = building.then(async () => {
      const next: StudentBundle = await buildStudent(options.impl).catch((error: unknown) => ({
        ok: false as const,
        problems: [{ file: "", line: 0, column: 0, text: `the playground could not build: ${String(error)}` }],
      }));
      // A file saved again as it was, or whose times or links changed (a hard link made to it elsewhere), builds the
      // same module: the page keeps its training instead of starting over.
      if (moduleOf(next) === moduleOf(student)) return;
      student = next;
      version += 1;
      for (const res of listeners) res.write(`data: ${JSON.stringify({ version })}\n\n`);
    });
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.impl, { recursive: true }, (_event, file) => {
      if (file && !String(file).endsWith(".ts")) return;
      clearTimeout(timer);
      timer = setTimeout(rebuild, SETTLE_MS);
    });
    // A folder that goes away mid-session stops the watching, not the server.
    watcher.on("error", () => watcher?.close());
  } catch {
    watcher = undefined; // No recursive watching here: the page still works, reloading by hand.
  }

  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { "content-type": "text/plain" }).end("forbidden\n");
      return;
    }
    const route = (req.url ?? "/").split("?")[0];
    const send = (type: string, body: string) =>
      res.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" }).end(body);
    if (req.method !== "GET") res.writeHead(405).end();
    else if (route === "/") send("text/html", pageHtml(options.label));
    else if (route === "/app.js") send("text/javascript", client.js);
    else if (route === "/app.css") send("text/css", client.css);
    else if (route === "/student.js") send("text/javascript", moduleOf(student));
    else if (route === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      res.write(`data: ${JSON.stringify({ version })}\n\n`);
      listeners.add(res);
      req.on("close", () => listeners.delete(res));
    } else res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    watcher?.close(); // a busy port: the caller may try the next one, and this watcher must not keep the process up
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      clearTimeout(timer);
      watcher?.close();
      for (const res of listeners) res.end();
      await building;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
