import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { SourceTag } from './sources';

/** One small chip per source, the service's full label as its tooltip. */
export function SourceTags({ tags }: { tags: SourceTag[] }) {
  if (!tags.length) {
    return <span>-</span>;
  }
  return (
    <span data-testid="sources">
      {tags.map(tag => (
        <Tooltip key={`${tag.kind}:${tag.text}`} title={tag.title}>
          <Chip size="small" variant="outlined" label={tag.text} data-source-kind={tag.kind} style={{ margin: 2 }} />
        </Tooltip>
      ))}
    </span>
  );
}
