/// <reference types="vite/client" />
// Test-only page (never part of the app build): the real photo components, image processing
// and store on the browser's real IndexedDB, so photos.spec.ts can drive them in Chromium.
// Built by the spec with Vite into test-results/ and served from there (hence Vite's types, which
// declare the CSS imports of the components).
import { h, render } from 'preact';
import '../../../src/app/styles.css';
import { createStore, type PhotoView } from '../../../src/app/db/index.ts';
import {
  PhotoCapture,
  PhotoGrid,
  PhotoServicesProvider,
  type PhotoPosition,
  type PhotoServices,
} from '../../../src/app/features/photos/index.ts';
import { createBrowserCamera } from '../../../src/app/platform/camera.ts';
import { sha256Hex } from '../../../src/app/platform/crypto.ts';
import { browserGeolocator } from '../../../src/app/platform/geolocation.ts';
import { processPhoto } from '../../../src/app/platform/image-processing.ts';
import type { DeviceStorage } from '../../../src/app/platform/storage.ts';
import { latestTemplate, templateQuestions } from '../../../src/shared/domain/templates/index.ts';
import { generatePortfolio } from '../../unit/db/portfolio-generator.ts';

const GB = 1024 ** 3;
let storageFull = false;
// A device whose free space the test switches, to show what happens when a tablet is full.
const storage: DeviceStorage = {
  estimate: () =>
    Promise.resolve(
      storageFull ? { usage: 10 * GB - 1024, quota: 10 * GB } : { usage: 0, quota: 10 * GB },
    ),
  persisted: () => Promise.resolve(true),
  persist: () => Promise.resolve(true),
};

const store = createStore({ name: 'schouw-photo-harness', storage });
const added: { photo: PhotoView; position: PhotoPosition | null }[] = [];

async function setUp() {
  const saved = localStorage.getItem('harness.owner');
  if (saved) return JSON.parse(saved) as { inspectionId: string; questionId: string };
  const portfolio = generatePortfolio({
    complexes: 1,
    pandenPerComplex: 1,
    dwellingsPerPand: 2,
    seed: 3,
  });
  await store.portfolio.importPortfolio(portfolio);
  const inspection = await store.inspections.start({
    module: 'optoppen-scan',
    targetLevel: 'pand',
    targetId: portfolio.complexes[0]!.panden[0]!.id,
  });
  const question = templateQuestions(latestTemplate('optoppen-scan')).find(
    (item) => item.type === 'photo',
  );
  if (!question) throw new Error('The optoppen-scan template has no photo question');
  const owner = { inspectionId: inspection.id, questionId: question.id };
  localStorage.setItem('harness.owner', JSON.stringify(owner));
  return owner;
}

const ready = setUp().then((owner) => {
  const services: PhotoServices = {
    store,
    camera: createBrowserCamera(),
    geolocator: browserGeolocator,
    process: processPhoto,
  };
  const root = document.getElementById('app');
  if (!root) throw new Error('No #app');
  render(
    h(
      PhotoServicesProvider,
      { value: services },
      h('h1', null, 'Photo harness'),
      h(PhotoCapture, {
        owner,
        onAdded: (photo: PhotoView, position: PhotoPosition | null) =>
          added.push({ photo, position }),
      }),
      h(PhotoGrid, { owner }),
    ),
    root,
  );
  return owner;
});

const harness = {
  ready,
  store,
  added,
  processPhoto,
  sha256Hex,
  geolocator: browserGeolocator,
  setStorageFull(full: boolean) {
    storageFull = full;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
