import { flagLabel } from './labels.ts';

/** Risk flags as readable chips; "None" when the account has none. */
export function FlagChips({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <span class="muted">None</span>;
  return (
    <ul class="chips" aria-label="Risk flags">
      {flags.map((flag) => (
        <li key={flag} class={`chip chip-${flag}`}>
          {flagLabel(flag)}
        </li>
      ))}
    </ul>
  );
}
