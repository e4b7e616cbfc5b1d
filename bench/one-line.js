// The reference module of the cold-start rows in npm run bench: importing any file costs this much.
export {};
