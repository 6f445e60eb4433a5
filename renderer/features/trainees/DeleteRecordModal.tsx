import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { useNotify } from '../../components/notify.js';

/** The records of a trainee's tabs, by the key of their strings in trainees.json. */
const DELETE_CALL = {
  enrolment: 'enrolments.delete',
  certification: 'certifications.delete',
  placement: 'placements.delete',
} as const;

export type TabRecordKind = keyof typeof DELETE_CALL;

/** What to delete: the record's id and the words that name it in the question and the toast. */
export interface DeleteTarget {
  id: string;
  name: string;
}

/** Asks before deleting one enrolment, certification or placement, then says it is done. */
export function DeleteRecordModal(props: { kind: TabRecordKind; target: DeleteTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const remove = useApiMutation(DELETE_CALL[props.kind]);
  // The last target stays in the message while the dialog fades out.
  const [shown, setShown] = useState(props.target);
  if (props.target && props.target !== shown) setShown(props.target);
  const name = shown?.name ?? '';

  const confirm = async () => {
    if (!props.target) return;
    try {
      await remove.mutateAsync({ id: props.target.id });
      notify.saved(t(`trainees.${props.kind}.deleted`, { name }));
    } catch (error) {
      notify.failed(error, t('trainees.rowActions.deleteFailed'));
    }
    props.onClose();
  };

  return (
    <ConfirmModal
      opened={props.target !== null}
      title={t(`trainees.${props.kind}.deleteTitle`)}
      message={t(`trainees.${props.kind}.deleteBody`, { name })}
      confirmLabel={t(`trainees.${props.kind}.deleteConfirm`)}
      danger
      loading={remove.isPending}
      onConfirm={() => void confirm()}
      onClose={props.onClose}
    />
  );
}
