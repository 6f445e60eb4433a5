import { useEffect } from 'react';
import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Keeps Mantine's layout direction equal to the language's (Urdu is right-to-left). */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = i18n.dir(i18n.language);
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}
