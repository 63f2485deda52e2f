// How a value the user wrote is named in a message: by its kind for
// containers ("a list", "a mapping"), quoted for text, and never as
// `[object Object]`, `Symbol(<<)` or a non-finite figure.

/** The value as a message says it was given: "got <describeValue(x)>". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'symbol') return 'a YAML merge key (<<)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 37)}...` : value}\``;
  if (typeof value === 'number') return describeNumber(value);
  return String(value);
}

/** A number for a message: NaN says what YAML's `.nan` is; infinities (`.inf`, or 400 digits) are not printed as figures. */
export function describeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'an infinite or too large number' : 'an infinite or too negative number';
  return String(value);
}

/** A name or word from the document inside backquotes; anything that is not text is described instead. */
export function quoteValue(value: unknown): string {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
    ? `\`${String(value)}\``
    : describeValue(value);
}
