/** The BFF's answer to a refused request: `{ error: { code, message } }` with its HTTP status. */
export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
