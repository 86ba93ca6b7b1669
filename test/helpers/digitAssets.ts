// The committed digit assets, read from public/data/ as the CLI reads them.
export {
  DATA_DIR,
  readAsset,
  readManifest as committedManifest,
  readPool as committedPool,
  readSpectra as committedSpectra,
} from '../../src/cli/dataFiles.ts';
