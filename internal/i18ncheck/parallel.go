package i18ncheck

import (
	"runtime"
	"sync"
)

// parallel calls f(0) … f(n-1) on up to GOMAXPROCS goroutines and waits for them.
func parallel(n int, f func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
