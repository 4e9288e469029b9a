"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** The parts of the Web Speech API used here (not in TypeScript's DOM library). */
interface RecognitionResult {
  isFinal: boolean;
  0: { transcript: string; confidence: number };
}
interface RecognitionEvent {
  resultIndex: number;
  results: { length: number; [index: number]: RecognitionResult };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === "undefined") return null;
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

export interface FinalTranscript {
  transcript: string;
  confidence: number;
  language: string;
}

/** Push-to-talk speech recognition: start, speak, and each final phrase goes to `onFinal`. */
export function useSpeechRecognition(onFinal: (result: FinalTranscript) => void, language = "en-US") {
  const [supported, setSupported] = useState<boolean | null>(null);
  const [listening, setListening] = useState(false);
  const [interim, setInterim] = useState("");
  const [error, setError] = useState<string | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const onFinalRef = useRef(onFinal);
  onFinalRef.current = onFinal;

  useEffect(() => setSupported(recognitionConstructor() !== null), []);

  const stop = useCallback(() => recognition.current?.stop(), []);

  const start = useCallback(() => {
    const Constructor = recognitionConstructor();
    if (!Constructor || recognition.current) return;
    const instance = new Constructor();
    instance.lang = language;
    instance.continuous = true;
    instance.interimResults = true;
    instance.onresult = (event) => {
      let pending = "";
      for (let index = event.resultIndex; index < event.results.length; index += 1) {
        const result = event.results[index];
        const text = result[0].transcript.trim();
        if (result.isFinal && text) {
          onFinalRef.current({ transcript: text, confidence: result[0].confidence || 1, language });
        } else {
          pending += result[0].transcript;
        }
      }
      setInterim(pending.trim());
    };
    instance.onerror = (event) => {
      setError(event.error === "not-allowed" ? "Microphone permission was denied." : `Speech recognition: ${event.error}`);
    };
    instance.onend = () => {
      recognition.current = null;
      setListening(false);
      setInterim("");
    };
    recognition.current = instance;
    setError(null);
    try {
      instance.start();
      setListening(true);
    } catch (failure) {
      recognition.current = null;
      setError(failure instanceof Error ? failure.message : "Could not start the microphone.");
    }
  }, [language]);

  useEffect(() => () => recognition.current?.abort(), []);

  return { supported, listening, interim, error, start, stop };
}
