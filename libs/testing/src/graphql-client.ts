/** A minimal GraphQL-over-HTTP client for tools and tests; errors carry their extensions.code. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  readonly errors: { message: string; extensions?: { code?: string } }[];
  constructor(errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  /** Headers that depend on the exact body sent (the actor token is bound to it). */
  headersForBody?: (body: string) => Promise<Record<string, string>>,
): Promise<T> {
  const request = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...(await headersForBody?.(request)) },
    body: request,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`HTTP ${response.status} without data`);
  return body.data;
}
