import { describe, expect, it } from 'vitest';
import { loadAttachWords, problemText, size } from './attach-words';

const MB = 1024 * 1024;

describe('a refused file, in the visitor’s language', () => {
  it.each([
    ['en', 'Only images (PNG, JPEG, WebP, GIF) and PDF files can be sent.', 'This file is too large: 2.5 MB at most.'],
    ['fr', 'Seuls les images (PNG, JPEG, WebP, GIF) et les fichiers PDF peuvent être envoyés.', 'Ce fichier est trop lourd : 2,5 Mo au maximum.'],
    ['de', 'Nur Bilder (PNG, JPEG, WebP, GIF) und PDF-Dateien können gesendet werden.', 'Diese Datei ist zu groß: höchstens 2,5 MB.'],
    ['es', 'Solo se pueden enviar imágenes (PNG, JPEG, WebP, GIF) y archivos PDF.', 'Este archivo es demasiado grande: 2,5 MB como máximo.'],
    ['it', 'Si possono inviare solo immagini (PNG, JPEG, WebP, GIF) e file PDF.', 'Questo file è troppo grande: massimo 2,5 MB.'],
    ['pt', 'Só é possível enviar imagens (PNG, JPEG, WebP, GIF) e arquivos PDF.', 'Este arquivo é grande demais: no máximo 2,5 MB.'],
    ['nl', 'Alleen afbeeldingen (PNG, JPEG, WebP, GIF) en pdf-bestanden kunnen worden verstuurd.', 'Dit bestand is te groot: maximaal 2,5 MB.'],
    ['pl', 'Można wysyłać tylko obrazy (PNG, JPEG, WebP, GIF) i pliki PDF.', 'Ten plik jest za duży: maksymalnie 2,5 MB.'],
  ] as const)('%s', async (language, type, tooBig) => {
    const w = await loadAttachWords(language);
    expect(problemText(w, language, 'type', 2.5 * MB)).toBe(type);
    expect(problemText(w, language, 'too_big', 2.5 * MB)).toBe(tooBig);
    expect(problemText(w, language, 'empty', 2.5 * MB)).toBe(w.problem.empty);
    expect(w.attach).toBeTruthy();
  });

  it('names the file button "Attach a file" in English (the accessible name is a contract)', async () => {
    expect((await loadAttachWords('en')).attach).toBe('Attach a file');
  });

  it('says sizes as people read them', () => {
    expect(size('en', 300)).toBe('1 KB');
    expect(size('en', 340 * 1024)).toBe('340 KB');
    expect(size('fr', 1.25 * MB)).toBe('1,3 Mo');
    expect(size('de', 1.25 * MB)).toBe('1,3 MB');
    expect(size('en', 10 * MB)).toBe('10 MB');
  });
});
