package chromium

import (
	"bytes"
	"fmt"
	"image"

	"image/png"
	"regexp"
)

// pageObjRe matches a page object's type in a PDF ("/Type /Page", not
// "/Pages"). Chromium writes page dictionaries uncompressed.
var pageObjRe = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// PDFPages counts the pages of a PDF Chromium printed.
func PDFPages(pdf []byte) (int, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return 0, fmt.Errorf("not a PDF (starts %q)", pdf[:min(len(pdf), 8)])
	}
	return len(pageObjRe.FindAll(pdf, -1)), nil
}

// Ink describes how much of a screenshot is not its background: the share
// of pixels that differ from the most common colour, and how many
// distinct colours there are.
type Ink struct {
	Width, Height int
	Background    [3]uint8
	Share         float64
	Colours       int
}

// Measure decodes a PNG screenshot and measures its ink, on every other
// pixel of every other row (a screenshot is millions of pixels; the
// measure needs only their proportions).
func Measure(pngData []byte) (Ink, error) {
	img, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		return Ink{}, err
	}
	b := img.Bounds()
	counts := map[uint32]int{}
	sampled := 0
	add := func(r, g, bl uint8) {
		counts[uint32(r)<<16|uint32(g)<<8|uint32(bl)]++
		sampled++
	}
	switch im := img.(type) {
	case *image.NRGBA:
		for y := 0; y < b.Dy(); y += 2 {
			row := im.Pix[y*im.Stride:]
			for x := 0; x < b.Dx(); x += 2 {
				add(row[4*x], row[4*x+1], row[4*x+2])
			}
		}
	case *image.RGBA:
		for y := 0; y < b.Dy(); y += 2 {
			row := im.Pix[y*im.Stride:]
			for x := 0; x < b.Dx(); x += 2 {
				add(row[4*x], row[4*x+1], row[4*x+2])
			}
		}
	default:
		for y := b.Min.Y; y < b.Max.Y; y += 2 {
			for x := b.Min.X; x < b.Max.X; x += 2 {
				r, g, bl, _ := img.At(x, y).RGBA()
				add(uint8(r>>8), uint8(g>>8), uint8(bl>>8))
			}
		}
	}
	ink := Ink{Width: b.Dx(), Height: b.Dy(), Colours: len(counts)}
	most := 0
	for c, n := range counts {
		if n > most {
			most = n
			ink.Background = [3]uint8{uint8(c >> 16), uint8(c >> 8), uint8(c)}
		}
	}
	if sampled > 0 {
		ink.Share = float64(sampled-most) / float64(sampled)
	}
	return ink, nil
}
