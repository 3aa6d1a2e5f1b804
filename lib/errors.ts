/** One error type for the product's rules; transports map `status` and `code` to their answers. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | (string & {});

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: ErrorCode,
    opts: { message: string; status?: number; fieldErrors?: Record<string, string[]> },
  ) {
    super(opts.message);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? defaultStatus(code);
    this.fieldErrors = opts.fieldErrors;
  }
}

function defaultStatus(code: ErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'VALIDATION':
      return 400;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    default:
      return 422;
  }
}

export function notFound(what = 'Registro'): AppError {
  return new AppError('NOT_FOUND', { message: `${what} não encontrado.` });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
