/** The admin startSystem creates (ADMIN_EMAIL / ADMIN_PASSWORD of its environment). */
export const SYSTEM_ADMIN = { email: 'admin@school.test', password: 'correct horse battery staple' } as const;

export interface AdminSession {
  token: string;
  /** A JSON call to admin-api as this admin: its status and parsed body. */
  call(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{
    status: number;
    body: Record<string, unknown> & { error?: { code: string } };
  }>;
}

/** Signs in to a running admin-api (POST /api/admin/auth/login) and returns a session for its JSON routes. */
export async function signIn(apiUrl: string, credentials: { email: string; password: string } = SYSTEM_ADMIN): Promise<AdminSession> {
  const res = await fetch(`${apiUrl}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${credentials.email} answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return {
    token,
    async call(path, init = {}) {
      const response = await fetch(`${apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
    },
  };
}
