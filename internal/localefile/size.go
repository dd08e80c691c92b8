package localefile

import (
	"fmt"
	"io"
	"io/fs"
)

// MaxSize is the largest locale file ReadFile reads: 8 MiB. A file with every message of a
// large project is a few hundred KiB (20,000 entries with descriptions take about 5 MiB),
// and decoding TOML takes about 40 times a file's size in memory, so 8 MiB bounds what one
// file can cost a server to about 300 MiB.
const MaxSize = 8 << 20

// A SizeError is a file larger than the limit it was read with.
type SizeError struct {
	Size  int64 // as much as is known: at least Max+1
	Max   int64
	Known bool // Size is the size the file system gave, not only what was read
}

func (e *SizeError) Error() string {
	if e.Known {
		return fmt.Sprintf("the file is %s, more than the %s a locale file may have", byteSize(e.Size), byteSize(e.Max))
	}
	return fmt.Sprintf("the file is more than the %s a locale file may have", byteSize(e.Max))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadFile reads the file name of fsys, refusing it with a *SizeError when it is larger than
// max bytes (MaxSize when max ≤ 0). The size the file system reports is checked before
// anything is read, and no more than max+1 bytes are read whatever it reports.
func ReadFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	if max <= 0 {
		max = MaxSize
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if size = st.Size(); size > max {
			return nil, &SizeError{Size: size, Max: max, Known: true}
		}
	}
	r := io.LimitReader(f, max+1)
	buf := make([]byte, 0, min(size, max)+1) // room to see EOF without growing
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, &SizeError{Size: int64(len(buf)), Max: max}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
