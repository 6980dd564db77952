// Filled in by the owner of this folder.
export {};
