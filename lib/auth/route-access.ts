import "server-only";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./session";

/** How a route answers a refusal: plain text for downloads, JSON for the read API. */
type Refuse = (message: string, status: number) => Response;

/**
 * The signed-in user when their role grants `permission`; otherwise the route's refusal: 401 to
 * the signed-out, 403 to the wrong role, worded "Sign in to <doing>." / "… permission to <doing>.".
 */
export async function routeUser(permission: Permission, doing: string, refuse: Refuse): Promise<{ user: CurrentUser } | { refusal: Response }> {
  const user = await getCurrentUser();
  if (!user) return { refusal: refuse(`Sign in to ${doing}.`, 401) };
  if (!can(user.role, permission)) return { refusal: refuse(`You do not have permission to ${doing}.`, 403) };
  return { user };
}
