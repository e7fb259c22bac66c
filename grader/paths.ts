/** Internal. Where the kit's own files are, wherever it is run from. */
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

export const paths = {
  root,
  exercises: path.join(root, "exercises"),
  solutions: path.join(root, "solutions"),
  fixtures: path.join(root, "fixtures"),
  manifest: path.join(root, "exercises", "manifest.json"),
  demoClass: path.join(root, "fixtures", "submissions"),
};
