import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BANDS, FLAGS, hasFilters, STAGES, TIERS, type AccountQuery } from './account-query.ts';
import { BAND_LABELS, FLAG_LABELS, STAGE_LABELS } from './labels.ts';

/** Typing pauses this long before the search is sent, so each keystroke is not a request. */
export const SEARCH_DEBOUNCE_MS = 300;

interface SelectProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T | undefined) => void;
}

function FilterSelect<T extends string>({ label, value, options, optionLabel, onChange }: SelectProps<T>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.currentTarget.value || undefined) as T | undefined)}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Band, tier, stage, flag and text filters of the accounts list; every change starts again at page one. */
export function AccountFilters({ query, onChange }: { query: AccountQuery; onChange: (query: AccountQuery) => void }) {
  const searchId = useId();
  const [text, setText] = useState(query.q ?? '');
  // Follow the URL when it changes from outside (back button, a link).
  useEffect(() => setText(query.q ?? ''), [query.q]);

  // The debounced search fires after later renders: read the newest query, not the one
  // captured when typing began (a band picked meanwhile would be undone).
  const latest = useRef({ query, onChange });
  latest.current = { query, onChange };
  const set = (patch: Partial<AccountQuery>) => latest.current.onChange({ ...latest.current.query, ...patch, cursor: undefined });
  const applySearch = (value: string) => {
    const q = value.trim() || undefined;
    if (q !== latest.current.query.q) set({ q });
  };
  useEffect(() => {
    const timer = setTimeout(() => applySearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter accounts"
      onSubmit={(event) => {
        event.preventDefault();
        applySearch(text);
      }}
    >
      <div class="field field-search">
        <label for={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          placeholder="Name or account id"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          autocomplete="off"
        />
      </div>
      <FilterSelect label="Band" value={query.band} options={BANDS} optionLabel={(band) => BAND_LABELS[band]} onChange={(band) => set({ band })} />
      <FilterSelect label="Tier" value={query.tier} options={TIERS} optionLabel={(tier) => `Tier ${tier}`} onChange={(tier) => set({ tier })} />
      <FilterSelect label="Stage" value={query.stage} options={STAGES} optionLabel={(stage) => STAGE_LABELS[stage]} onChange={(stage) => set({ stage })} />
      <FilterSelect label="Flag" value={query.flag} options={FLAGS} optionLabel={(flag) => FLAG_LABELS[flag]} onChange={(flag) => set({ flag })} />
      {hasFilters(query) && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setText('');
            onChange({ sort: query.sort, limit: query.limit });
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
