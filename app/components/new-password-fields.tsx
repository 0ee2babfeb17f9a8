/** Choosing a password (setup, invitation, password change): the field, its rule, and the confirmation. */
export function NewPasswordFields({ label = 'Password' }: { label?: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor="password">{label}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="password-hint" />
        <p id="password-hint" className="hint">
          At least 10 characters.
        </p>
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">{label} again</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required minLength={10} />
      </div>
    </>
  );
}
