/** The sandbox, adversarial and check tests under Node 22 (node-versions-helpers.ts). */
import { rerunUnder } from "./node-versions-helpers.ts";

rerunUnder(22);
