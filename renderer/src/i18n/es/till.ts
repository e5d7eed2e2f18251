export const till = {};
