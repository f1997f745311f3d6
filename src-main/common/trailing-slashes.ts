// `/\/+$/` looks harmless but is quadratic: on "a////…b" the engine retries the run of slashes from
// every start position. A loop from the end is one pass.

export function withoutTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 47 /* '/' */) end -= 1;
  return value.slice(0, end);
}
