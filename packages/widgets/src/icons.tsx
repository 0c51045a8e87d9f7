/** Line icons drawn with `currentColor` (decorative: the buttons carry the names). */
const Svg = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

export const CloseIcon = () => <Svg d="M6 6l12 12M18 6L6 18" />;
export const MinimiseIcon = () => <Svg d="M6 12h12" />;
export const CheckIcon = () => <Svg d="M5 12.5l4.5 4.5L19 7.5" />;
