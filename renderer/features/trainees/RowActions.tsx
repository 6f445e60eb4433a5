import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Edit and delete buttons for one row of a trainee's tab. Icons only, so each names its
 * record (`editLabel`, `deleteLabel`) for screen readers and tooltips.
 */
export function RowActions(props: { editLabel: string; deleteLabel: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={t('trainees.rowActions.edit')}>
        <ActionIcon variant="subtle" color="gray" onClick={props.onEdit} aria-label={props.editLabel}>
          <IconEdit size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('trainees.rowActions.delete')}>
        <ActionIcon variant="subtle" color="red" onClick={props.onDelete} aria-label={props.deleteLabel}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
