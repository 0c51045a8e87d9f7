import { useRef } from 'preact/hooks';

export interface ScoreScaleProps {
  min: number;
  max: number;
  value: number | null;
  /** `chosen` is true for a click, Space or Enter, false for an arrow key that only moves the choice. */
  onChange(score: number, chosen: boolean): void;
  labelledBy: string;
  describedBy: string;
  rtl: boolean;
}

/**
 * A score scale as a WAI-ARIA radio group (APG "Radio Group" pattern): one tab stop with a
 * roving tabindex; arrow keys move and check, mirrored horizontally in right-to-left
 * locales; Home and End jump to the ends.
 */
export function ScoreScale({ min, max, value, onChange, labelledBy, describedBy, rtl }: ScoreScaleProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const tabStop = value === null ? 0 : value - min;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = buttons.current.indexOf(event.currentTarget as HTMLButtonElement);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const last = scores.length - 1;
    const next =
      event.key === forward || event.key === 'ArrowDown'
        ? (index + 1) % scores.length
        : event.key === back || event.key === 'ArrowUp'
          ? (index + last) % scores.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    buttons.current[next]?.focus();
    onChange(scores[next]!, false);
  };

  return (
    <div
      class="scale"
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      style={{ gridTemplateColumns: `repeat(${scores.length}, minmax(0, 1fr))` }}
    >
      {scores.map((score, i) => (
        <button
          key={score}
          type="button"
          role="radio"
          aria-checked={value === score}
          tabIndex={i === tabStop ? 0 : -1}
          ref={(el) => void (buttons.current[i] = el)}
          onClick={() => onChange(score, true)}
          onKeyDown={onKeyDown}
        >
          {score}
        </button>
      ))}
    </div>
  );
}
