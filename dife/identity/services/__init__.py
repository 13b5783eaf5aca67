"""Write-side services of identity (keyword-only, atomic where they write, audited)."""
