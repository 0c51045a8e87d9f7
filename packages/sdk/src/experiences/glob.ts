/**
 * Compiles a URL glob of the config (`*` matches any run of characters, everything else is
 * literal) into a RegExp anchored at both ends, e.g. `/app/*` → `/^\/app\/.*$/`.
 */
export const globToRegExp = (glob: string): RegExp =>
  new RegExp('^' + glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$');

/** Whether the page (`path` + `search`) matches the glob, with or without its query. */
export const urlMatches = (glob: string, path: string, search: string): boolean => {
  const re = globToRegExp(glob);
  return re.test(path + search) || re.test(path);
};
