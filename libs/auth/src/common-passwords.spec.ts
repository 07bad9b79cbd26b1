import { MIN_PASSWORD_LENGTH, passwordProblem } from './common-passwords.js';

describe(passwordProblem.name, () => {
  it.each([
    ['short', /at least 12/],
    ['x'.repeat(257), /at most 256/],
    ['password1234', /too common/],
    ['Contraseña 123', /too common/],
    ['aaaaaaaaaaaaaaa', /too common/],
    ['maria.lopez-2026!', /email/],
  ])('refuses %s', (password, problem) => {
    expect(passwordProblem(password, 'maria.lopez@red.example')).toMatch(problem);
  });

  it('accepts a phrase of unrelated words of the minimum length', () => {
    expect(passwordProblem('tres tigres x', 'ana@red.example')).toBeNull();
    expect('tres tigres x').toHaveLength(MIN_PASSWORD_LENGTH + 1);
  });
});
