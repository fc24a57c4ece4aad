/** An expected failure with a stable code; the HTTP error handler maps codes to pages. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode = 'NOT_FOUND';
