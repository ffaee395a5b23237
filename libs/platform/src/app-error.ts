/**
 * An error a person can act on. `code` becomes the GraphQL `extensions.code`; the message is
 * shown as is, so it must say what is wrong and, where it can, what to do.
 */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'ALREADY_EXISTS'
  | 'ALREADY_RATED'
  // A domain's own refusal codes (ONE_NOTICE_ONLY, INVALID_TRANSITION …), passed through as they are.
  | (string & {});

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
