/**
 * Internal. What macOS adds to a folder or zip on its own, skipped the way
 * unzip tools and Finder skip it: the __MACOSX/ folder of a zip made by
 * Archive Utility (resource forks), AppleDouble files named ._<name> (the
 * same, written beside the file on disks without extended attributes), and
 * Finder's .DS_Store. None is the student's work; an AppleDouble ._delta.ts
 * is binary, so taking it would refuse an honest submission as not UTF-8.
 */

/** Whether one name (a file or folder, no slash) is macOS debris. */
export function isMacDebrisName(name: string): boolean {
  return name === "__MACOSX" || name === ".DS_Store" || name.startsWith("._");
}

/** Whether a relative path (with /) is macOS debris or lies inside it. */
export function isMacDebris(relPath: string): boolean {
  return relPath.split("/").some((part) => part !== "" && isMacDebrisName(part));
}
