/** `area.key` for every key of one area's messages: what schemas put into their issues. */
export function messageKeys<A extends string, M extends Record<string, string>>(
  area: A,
  messages: M,
): { [K in keyof M & string]: `${A}.${K}` } {
  return Object.fromEntries(Object.keys(messages).map((key) => [key, `${area}.${key}`])) as {
    [K in keyof M & string]: `${A}.${K}`;
  };
}
