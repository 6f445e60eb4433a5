import { Badge, Group } from '@mantine/core';

export function Tags(props: { values: readonly string[] }) {
  if (props.values.length === 0) return null;
  return (
    <Group gap={6} component="span">
      {props.values.map((tag) => (
        <Badge key={tag} variant="light" color="indigo" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
