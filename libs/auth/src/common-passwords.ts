/**
 * Passwords long enough to pass the length rule yet among the first an attacker tries: the
 * usual top-list entries of 12+ characters, and the obvious ones for this product and place.
 * Compared lower-cased and with spaces removed.
 */
export const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'asdfghjklñ12',
  'asdfghjkl123',
  'zxcvbnm12345',
  'passwordpassword',
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  'contraseña123',
  'contrasena123',
  'contraseña1234',
  'contrasena1234',
  'contraseña12345',
  'iloveyou1234',
  'teamo1234567',
  'teamo123456789',
  'abcdefghijkl',
  'abc123abc123',
  'letmein12345',
  'welcome12345',
  'bienvenido123',
  'bienvenido1234',
  'administrator',
  'administrador',
  'admin1234567',
  'admin123456789',
  'albergue1234',
  'albergue12345',
  'albergue2023',
  'albergue2024',
  'albergue2025',
  'albergue2026',
  'refugio12345',
  'migrante1234',
  'mexico123456',
  'mexico2023!!',
  'cdmx12345678',
  'trustno1trustno1',
  'football1234',
  'sunshine1234',
  'princess1234',
  'changeme1234',
  'changemechangeme',
  'cambiame1234',
  'secreto12345',
  'superman1234',
  'dragon123456',
  'monkey123456',
  'qwertyqwerty',
  'aaaaaaaaaaaa',
  'abcd12345678',
  '987654321098',
  '147258369147',
  '159753159753',
]);

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  const plain = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON_PASSWORDS.has(plain) || /^(.)\1+$/.test(plain)) {
    return 'is too common; choose a phrase of a few unrelated words';
  }
  if (
    email &&
    plain.includes(email.toLowerCase().split('@')[0]) &&
    email.split('@')[0].length >= 4
  ) {
    return 'must not contain the email address';
  }
  return null;
}
