import type { SurveyResults } from '@cairn/protocol';
import { formatDate } from './format.ts';
import { Empty } from './status-message.tsx';

/** NPS category of a 0–10 score: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Survey comments, newest first, each with its score and who left it. */
export function SurveyComments({ comments }: { comments: SurveyResults['comments'] }) {
  if (comments.length === 0) return <Empty>No comments yet.</Empty>;
  const sorted = [...comments].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ul class="comments">
      {sorted.map((comment, index) => (
        <li key={`${comment.at}-${index}`} class={`comment comment-${npsCategory(comment.score)}`}>
          <blockquote>{comment.comment}</blockquote>
          <p class="comment-meta">
            <span class="score">Score {comment.score}</span> · {comment.userId ?? 'Anonymous user'} ·{' '}
            <time dateTime={comment.at}>{formatDate(comment.at)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
