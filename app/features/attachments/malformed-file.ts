/** A file that does not parse as the format its content claims: refused, never stored as it is. */
export class MalformedFileError extends Error {}
