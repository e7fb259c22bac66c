/**
 * The release's package.json and package-lock.json. The student's scripts are
 * `check`, `playground` and `test` (which runs check); the dependencies are the course's
 * runtime dependencies only. The lock is ours with the development tree taken
 * out, so `npm ci` installs exactly the versions the course tested.
 */

export interface PackageJson {
  name: string;
  version: string;
  description?: string;
  type?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

export interface PackageLock {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

export const STUDENT_PACKAGE_NAME = "backprop-exercises";

export function studentPackage(course: PackageJson): PackageJson {
  return {
    name: STUDENT_PACKAGE_NAME,
    version: course.version,
    private: true,
    description: "Backpropagation exercises in TypeScript, with the grader's public cases.",
    type: course.type ?? "module",
    engines: course.engines,
    scripts: {
      check: "node grader/cli/check-launch.js",
      playground: "tsx grader/playground/cli.ts",
      test: "npm run check",
    },
    dependencies: course.dependencies,
    // The install scripts the course allows (npm's allowScripts): without them npm 11.16+ ends every npm ci with a
    // warning, and npm 12 skips the scripts.
    ...(course.allowScripts ? { allowScripts: course.allowScripts } : {}),
  };
}

/**
 * Our lock minus the packages only development needs (`dev: true`) and the
 * root's devDependencies. A package both optional for production and part of
 * the dev tree (`devOptional`) stays, as optional.
 */
export function studentLock(course: PackageLock, pkg: PackageJson): PackageLock {
  if (course.lockfileVersion < 2) throw new Error("package-lock.json must be lockfileVersion 2 or later");
  const packages: Record<string, LockEntry> = {};
  for (const [where, entry] of Object.entries(course.packages)) {
    if (where === "") {
      const { devDependencies: _dev, ...root } = entry;
      packages[""] = { ...root, name: pkg.name, version: pkg.version };
      continue;
    }
    if (entry.dev) continue;
    if (entry.devOptional) {
      const { devOptional: _devOptional, ...rest } = entry;
      packages[where] = { ...rest, optional: true };
      continue;
    }
    packages[where] = entry;
  }
  return { name: pkg.name, version: pkg.version, lockfileVersion: course.lockfileVersion, requires: true, packages };
}
