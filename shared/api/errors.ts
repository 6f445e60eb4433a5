/**
 * Typed errors every call may return. The UI shows `invalid` issues beside their fields
 * (path = the input path, e.g. ['patch', 'cnic']), and `conflict` names the record that
 * already holds the value so the user can open it.
 */
import { z } from 'zod';

export const FieldIssue = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiError = z.discriminatedUnion('code', [
  z.object({ code: z.literal('invalid'), message: z.string(), issues: z.array(FieldIssue) }),
  z.object({ code: z.literal('not-found'), message: z.string(), entity: z.string(), id: z.string() }),
  z.object({ code: z.literal('forbidden'), message: z.string(), permission: z.string() }),
  z.object({ code: z.literal('unauthenticated'), message: z.string() }),
  z.object({
    code: z.literal('conflict'),
    message: z.string(),
    field: z.string().optional(),
    existing: z.object({ entity: z.string(), id: z.string(), label: z.string() }).optional(),
  }),
  z.object({ code: z.literal('locked'), message: z.string() }),
  z.object({ code: z.literal('cancelled'), message: z.string() }),
  z.object({ code: z.literal('unavailable'), message: z.string() }),
  z.object({ code: z.literal('internal'), message: z.string() }),
]);
export type ApiError = z.infer<typeof ApiError>;
export type ApiErrorCode = ApiError['code'];

/** Thrown by core services and by the client; carries the typed error across the boundary. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export const fail = {
  invalid(issues: FieldIssue[], message = issues[0]?.message ?? 'Invalid input'): ApiFailure {
    return new ApiFailure({ code: 'invalid', message, issues });
  },
  field(path: (string | number)[], message: string): ApiFailure {
    return new ApiFailure({ code: 'invalid', message, issues: [{ path, message }] });
  },
  notFound(entity: string, id: string): ApiFailure {
    return new ApiFailure({ code: 'not-found', message: `No ${entity} with id ${id}`, entity, id });
  },
  forbidden(permission: string, message = `Your role may not do this (needs ${permission})`): ApiFailure {
    return new ApiFailure({ code: 'forbidden', message, permission });
  },
  unauthenticated(message = 'Please sign in'): ApiFailure {
    return new ApiFailure({ code: 'unauthenticated', message });
  },
  conflict(message: string, field?: string, existing?: { entity: string; id: string; label: string }): ApiFailure {
    return new ApiFailure({ code: 'conflict', message, field, existing });
  },
  locked(message: string): ApiFailure {
    return new ApiFailure({ code: 'locked', message });
  },
  cancelled(message = 'Cancelled'): ApiFailure {
    return new ApiFailure({ code: 'cancelled', message });
  },
};

/** Turns zod issues into field issues with the input path. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` : issue.message,
  }));
}
