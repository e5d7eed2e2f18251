/** The application menu's words, in the UI language (Spanish by default). */
export interface MenuLabels {
  readonly file: string;
  readonly backupNow: string;
  readonly restore: string;
  readonly openDataFolder: string;
  readonly openLogs: string;
  readonly quit: string;
  readonly view: string;
  readonly reload: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly resetZoom: string;
  readonly fullScreen: string;
  readonly help: string;
  readonly about: string;
}

const es: MenuLabels = {
  file: 'Archivo',
  backupNow: 'Copia de seguridad ahora…',
  restore: 'Restaurar copia de seguridad…',
  openDataFolder: 'Abrir carpeta de datos',
  openLogs: 'Ver registros',
  quit: 'Salir',
  view: 'Ver',
  reload: 'Recargar',
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  resetZoom: 'Tamaño real',
  fullScreen: 'Pantalla completa',
  help: 'Ayuda',
  about: 'Acerca de Tendero',
};

const en: MenuLabels = {
  file: 'File',
  backupNow: 'Back up now…',
  restore: 'Restore a backup…',
  openDataFolder: 'Open data folder',
  openLogs: 'View logs',
  quit: 'Quit',
  view: 'View',
  reload: 'Reload',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  fullScreen: 'Full screen',
  help: 'Help',
  about: 'About Tendero',
};

export function menuLabels(language: string): MenuLabels {
  return language === 'en' ? en : es;
}
