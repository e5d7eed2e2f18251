/**
 * What the desktop app says when a restore fails, in the user's language. The
 * database layer's messages are English, for logs and the CLI's JSON; a shop
 * owner reading a dialog gets what happened, what was kept and what to do.
 * Plain Node (no Electron), so it is tested without the binary.
 */
import { DatabaseOpenError } from '../db/errors';
import type { Holder } from '../db/lock';

export type DialogLanguage = 'es' | 'en';

const WHO: Readonly<Record<DialogLanguage, Readonly<Record<string, string>>>> = {
  es: {
    desktop: 'la aplicación de escritorio de Tendero',
    web: 'el servidor web de Tendero (npm run web)',
    cli: 'un comando pos',
    restore: 'otra restauración',
  },
  en: {
    desktop: 'the Tendero desktop app',
    web: 'the Tendero web host (npm run web)',
    cli: 'a pos command',
    restore: 'another restore',
  },
};

/** `timeZone`: the store's, when its database could be read; the machine's otherwise. */
function holderText(holder: Holder, language: DialogLanguage, timeZone?: string): string {
  const who = WHO[language][holder.what] ?? holder.what;
  const at = new Date(holder.started);
  const time = Number.isNaN(at.getTime())
    ? ''
    : at.toLocaleTimeString(language === 'es' ? 'es-PE' : 'en-US', {
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      });
  return language === 'es'
    ? `${who} (proceso ${holder.pid}${time ? `, abierto a las ${time}` : ''})`
    : `${who} (process ${holder.pid}${time ? `, started at ${time}` : ''})`;
}

function whatHappened(
  error: DatabaseOpenError,
  language: DialogLanguage,
  timeZone?: string,
): string {
  const es = language === 'es';
  switch (error.kind) {
    case 'IN_USE': {
      const holders = (error.details.holders as Holder[] | undefined) ?? [];
      const named = holders
        .map((h) => holderText(h, language, timeZone))
        .join(es ? ' y en ' : ' and in ');
      if (named)
        return es
          ? `La base de datos está abierta en ${named}. Ciérrela allí y vuelva a restaurar.`
          : `The database is open in ${named}. Close it there, then restore again.`;
      return es
        ? 'La base de datos está abierta en otro programa. Cierre Tendero donde esté abierto (escritorio, servidor web, comandos pos) y vuelva a restaurar.'
        : 'The database is open in another program. Close Tendero wherever it runs (desktop, web host, pos commands), then restore again.';
    }
    case 'NOT_A_TENDERO_DATABASE':
      return es
        ? 'El archivo elegido no es una copia de seguridad de Tendero.'
        : 'The chosen file is not a Tendero backup.';
    case 'CORRUPT':
      return es
        ? 'La copia elegida está dañada y no se puede usar. Elija otra.'
        : 'The chosen backup is damaged and cannot be used. Choose another one.';
    case 'NEWER_VERSION':
      return es
        ? 'La copia es de una versión más nueva de Tendero. Actualice Tendero y vuelva a restaurar.'
        : 'The backup is from a newer version of Tendero. Update Tendero, then restore again.';
    case 'DISK_FULL':
      return es
        ? 'El disco está lleno. Libere espacio y vuelva a restaurar.'
        : 'The disk is full. Free some space, then restore again.';
    case 'READ_ONLY':
      return es
        ? 'No se puede escribir en la carpeta de datos (solo lectura).'
        : 'The data folder cannot be written to (read-only).';
    default:
      return es ? `No se pudo restaurar: ${error.message}` : `The restore failed: ${error.message}`;
  }
}

/** The dialog's detail for a failed restore: what happened, and where the data is. */
export function restoreFailureText(
  error: unknown,
  language: DialogLanguage,
  /** The store's zone for the times it names; the machine's when the database could not be read. */
  timeZone?: string,
): string {
  const es = language === 'es';
  if (!(error instanceof DatabaseOpenError)) {
    const message = error instanceof Error ? error.message : String(error);
    return es ? `No se pudo restaurar: ${message}` : `The restore failed: ${message}`;
  }
  const kept = (error.details.safetyCopy ?? error.details.unreadableKeptAs) as
    string | null | undefined;
  const unchanged = es
    ? 'Sus datos actuales no se cambiaron.'
    : 'Your current data was not changed.';
  const copy = kept
    ? es
      ? ` Hay una copia de ellos en:\n${kept}`
      : ` A copy of it is in:\n${kept}`
    : '';
  return `${whatHappened(error, language, timeZone)}\n\n${unchanged}${copy}`;
}
