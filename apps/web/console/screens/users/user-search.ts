/** Lower case, without accents: "José" is found by "jose", "MARÍA@" by "maría@". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The users whose name or email holds every word typed, in the order given (the API's, by
 * email). The list is the admin's whole `users` answer: searching it on the page asks the API
 * nothing more.
 */
export function usersMatching<U extends { displayName: string; email: string }>(
  users: readonly U[],
  typed: string,
): U[] {
  const words = folded(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [...users];
  }
  return users.filter((user) => {
    const haystack = folded(`${user.displayName} ${user.email}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Where the person opens the console's reset-token form with the token already filled in. */
export function resetLink(origin: string, token: string): string {
  return `${origin}/console/reset?token=${encodeURIComponent(token)}`;
}
