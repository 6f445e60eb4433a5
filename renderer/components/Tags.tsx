import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Tags (topics, expertise) as badges; with `max`, the first few and "+n more" (the rest in its tooltip). */
export function Tags(props: { values: readonly string[]; max?: number; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  if (props.values.length === 0) return null;
  const shown = props.max ? props.values.slice(0, props.max) : props.values;
  const more = props.values.length - shown.length;
  return (
    <Group gap={4} component="span">
      {shown.map((tag) => (
        <Badge key={tag} variant="light" color="indigo" tt="none" size={props.size}>
          {tag}
        </Badge>
      ))}
      {more > 0 ? (
        <Badge
          variant="outline"
          color="gray"
          tt="none"
          size={props.size}
          title={props.values.slice(shown.length).join(', ')}
          aria-label={t('tags.moreLabel', { count: more, names: props.values.slice(shown.length).join(', ') })}
        >
          {t('tags.more', { count: more })}
        </Badge>
      ) : null}
    </Group>
  );
}
