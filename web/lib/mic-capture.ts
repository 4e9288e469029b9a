/**
 * Raw microphone samples in the browser, Chromium and Firefox alike: an AudioWorklet where there is
 * one (a secure page), a ScriptProcessorNode otherwise. The context runs at the device's own rate:
 * Firefox refuses to connect a microphone to a context at another rate, so resampling is ours.
 */

/** ~21 ms at 48 kHz: small enough for a prompt barge-in, large enough not to flood the main thread. */
const BLOCK_SAMPLES = 1024;

const WORKLET_SOURCE = `
class MicCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(${BLOCK_SAMPLES});
    this.filled = 0;
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      let offset = 0;
      while (offset < channel.length) {
        const taken = Math.min(this.block.length - this.filled, channel.length - offset);
        this.block.set(channel.subarray(offset, offset + taken), this.filled);
        this.filled += taken;
        offset += taken;
        if (this.filled === this.block.length) {
          this.port.postMessage(this.block, [this.block.buffer]);
          this.block = new Float32Array(${BLOCK_SAMPLES});
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor("mic-capture", MicCaptureProcessor);
`;

export interface MicCapture {
  sampleRate: number;
  stop(): Promise<void>;
}

export class MicUnavailableError extends Error {}

/** Starts the microphone; `onBlock` gets mono float samples at `sampleRate` until `stop`. */
export async function startMicCapture(onBlock: (samples: Float32Array) => void): Promise<MicCapture> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicUnavailableError("This browser can't use the microphone here (it needs a secure https page).");
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  let node: AudioNode;
  if (context.audioWorklet) {
    const url = URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: "text/javascript" }));
    try {
      await context.audioWorklet.addModule(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const worklet = new AudioWorkletNode(context, "mic-capture", { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 });
    worklet.port.onmessage = (event: MessageEvent<Float32Array>) => onBlock(event.data);
    // Connected to the output through a muted gain, so every browser keeps pulling it.
    const silent = context.createGain();
    silent.gain.value = 0;
    source.connect(worklet);
    worklet.connect(silent).connect(context.destination);
    node = worklet;
  } else {
    // Deprecated but everywhere; it must reach the destination to run, so it outputs silence.
    const processor = context.createScriptProcessor(BLOCK_SAMPLES, 1, 1);
    processor.onaudioprocess = (event) => {
      onBlock(new Float32Array(event.inputBuffer.getChannelData(0)));
      event.outputBuffer.getChannelData(0).fill(0);
    };
    source.connect(processor);
    processor.connect(context.destination);
    node = processor;
  }
  if (context.state === "suspended") await context.resume();
  return {
    sampleRate: context.sampleRate,
    async stop() {
      source.disconnect();
      node.disconnect();
      stream.getTracks().forEach((track) => track.stop());
      await context.close().catch(() => undefined);
    },
  };
}
