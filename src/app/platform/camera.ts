// Adapter for taking photos. The file input with capture="environment" opens the tablet's own
// camera app on Android and iOS (full resolution, focus, flash) and a file picker on desktops,
// so it is the default everywhere. A live preview through getUserMedia is offered as an extra
// where the browser has it (quick series of shots without leaving the app).

export interface LivePreview {
  /** Grabs the current frame at the stream's full resolution. */
  capture(): Promise<Blob>;
  stop(): void;
}

export interface Camera {
  /**
   * Opens the camera or photo picker and resolves with the chosen images; [] when cancelled.
   * Call it directly from a click handler: browsers only open pickers on a user gesture.
   */
  pick(): Promise<File[]>;
  supportsLivePreview(): boolean;
  /** Shows the rear camera in `video`; rejects (e.g. NotAllowedError) when it cannot. */
  startLivePreview(video: HTMLVideoElement): Promise<LivePreview>;
}

export class CameraUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The camera could not be started.', options);
    this.name = 'CameraUnavailableError';
  }
}

export function createBrowserCamera(doc: Document = document): Camera {
  // A picker the user abandoned without a 'cancel' event (older browsers) is settled as
  // cancelled by the next pick, so no promise waits forever.
  let settlePrevious: (() => void) | undefined;
  const supportsLivePreview = () =>
    typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  return {
    pick() {
      settlePrevious?.();
      return new Promise<File[]>((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = 'image/*';
        input.setAttribute('capture', 'environment');
        input.multiple = true;
        input.hidden = true;
        let done = false;
        const finish = (files: File[]) => {
          if (done) return;
          done = true;
          settlePrevious = undefined;
          input.remove();
          resolve(files);
        };
        input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
        input.addEventListener('cancel', () => finish([]));
        settlePrevious = () => finish([]);
        // iOS Safari only opens inputs that are in the document.
        doc.body.append(input);
        input.click();
      });
    },

    supportsLivePreview,

    async startLivePreview(video) {
      if (!supportsLivePreview()) throw new CameraUnavailableError();
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {
          facingMode: { ideal: 'environment' },
          width: { ideal: 4096 },
          height: { ideal: 3072 },
        },
      });
      const stop = () => {
        for (const track of stream.getTracks()) track.stop();
        if (video.srcObject === stream) video.srcObject = null;
      };
      try {
        video.muted = true;
        video.playsInline = true;
        video.srcObject = stream;
        await video.play();
      } catch (error) {
        stop();
        throw new CameraUnavailableError({ cause: error });
      }
      return {
        stop,
        capture: () => grabFrame(video, doc),
      };
    },
  };
}

function grabFrame(video: HTMLVideoElement, doc: Document): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) return Promise.reject(new CameraUnavailableError());
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new CameraUnavailableError());
  context.drawImage(video, 0, 0, width, height);
  // High quality here: the photo pipeline resizes and re-encodes it once more.
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        canvas.width = 0;
        canvas.height = 0;
        if (blob) resolve(blob);
        else reject(new CameraUnavailableError());
      },
      'image/jpeg',
      0.95,
    ),
  );
}
