/** The marker next to a setting the admin's policy locks. */
export function LockedNote() {
  return (
    <span data-xs="locked" style={{ color: '#8a5a00', fontSize: 12, marginLeft: 8 }} title="Locked by administrator policy">
      🔒 由管理员策略锁定
    </span>
  );
}
