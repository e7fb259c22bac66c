/** Internal. Terminal colour, only when the output is a terminal and NO_COLOR is unset. */
import { styleText } from "node:util";

type Style = Parameters<typeof styleText>[0];

export function styler(stream: NodeJS.WriteStream): (style: Style, text: string) => string {
  const on = stream.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
  return on ? (style, text) => styleText(style, text) : (_style, text) => text;
}
