// `npm start`: the desktop shell lands with the Electron issue; until then say so plainly.
console.error(
  'Tendero: the desktop app is not built yet. The pure rules in core/ are ready: run `npm test`.',
);
process.exit(1);
